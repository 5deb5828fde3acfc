/**
 * The config names of a string-keyed registry (`{ sgd: SGD, adam: Adam }`), so a setting's choices
 * are the registry's keys and nothing else: the hyperparameter list and its schema read them here.
 */

/** A registry's names in declaration order, as a non-empty tuple (what a schema's enum takes). */
export function registryNames<R extends Record<string, unknown>>(
  registry: R,
): readonly [keyof R & string, ...(keyof R & string)[]] {
  const names = Object.keys(registry);
  if (names.length === 0) throw new Error('a registry needs at least one entry');
  return names as [keyof R & string, ...(keyof R & string)[]];
}
