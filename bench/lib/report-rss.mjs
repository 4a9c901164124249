// `node --import ./bench/lib/report-rss.mjs <script>`: prints the process's peak RSS to stderr at exit.
process.on('exit', () =>
  process.stderr.write(`\npeak_rss_kib: ${process.resourceUsage().maxRSS}\n`),
);
