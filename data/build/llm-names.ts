// Hand-maintained naming decisions for the LLM model table, kept apart from the build logic so each
// choice is visible and reviewable. Keys are names exactly as written in the raw files.

/**
 * Hugging Face repos that were renamed between benchmark rounds: old id -> current id. Both name the
 * same weights, so their measurements and aliases go to one model (Meta dropped the `Meta-` prefix of
 * its Llama 3.1 repos in late 2024; ML.ENERGY v2 and EcoLogits use the old names, v3 the new ones).
 * Only models that also appear under the new name are listed; base models keep their own ids.
 */
export const RENAMED_REPOS: Readonly<Record<string, string>> = {
  'meta-llama/Meta-Llama-3.1-8B-Instruct': 'meta-llama/Llama-3.1-8B-Instruct',
  'meta-llama/Meta-Llama-3.1-70B-Instruct': 'meta-llama/Llama-3.1-70B-Instruct',
  'meta-llama/Meta-Llama-3.1-405B-Instruct': 'meta-llama/Llama-3.1-405B-Instruct',
  'meta-llama/Meta-Llama-3.1-405B-Instruct-FP8': 'meta-llama/Llama-3.1-405B-Instruct-FP8',
};

/**
 * Words dropped from a model name to form its short alias (`Llama-3.1-8B-Instruct` -> `llama 3 1 8b`):
 * the instruction-tuned / HF-format suffixes people leave out. `chat` stays (chat tunes are distinct
 * models with their own names), and so do precision suffixes such as `fp8`.
 */
export const SHORT_FORM_DROP_WORDS: readonly string[] = ['instruct', 'it', 'hf'];

/**
 * Short forms (normalised) that more than one model derives, resolved by hand. Every other ambiguous
 * short form is left out (then only the longer names resolve). Keep this small.
 */
export const SHORT_FORM_PREFERENCES: Readonly<Record<string, string>> = {};

/**
 * Words that change the tuning, not the weights' shape: models whose names differ only by these (and
 * the `Meta-` prefix, a `YYMM` release) and whose parameter counts agree are one set of weights for
 * serving cost, so they share measurements (`meta-llama-3-1-8b` is served as `llama-3-1-8b-instruct`).
 */
export const WEIGHTS_DROP_WORDS: readonly string[] = ['instruct', 'it', 'hf', 'chat', 'base'];
