/**
 * The scenario's choices, read from the Schema itself as its numbers are (`listChoices` in parameters.ts): every
 * value built with `Schema.Literals([...])` (a contract's payment period, a financing facility) allows only the
 * literals it lists, and carries its meaning as the annotation `description`. The explorer offers them as lists to
 * choose from, and `spsim sweep --set` takes them as values to sweep over, with no list of options of their own to
 * keep in step with the Schema.
 */
import { type ChoiceInfo, genericPath, listChoices } from "./parameters.ts"

export { type ChoiceInfo, listChoices }

/** The choice at a path, if there is one (a generic path: "[]" for every element of a list). */
export const findChoice = (path: string): ChoiceInfo | undefined => listChoices().find((c) => c.path === path)

/**
 * The choice a concrete path names (`contracts[outcomes].financing.facility`: a list element by position or name),
 * or undefined where none has that shape.
 */
export const resolveChoice = (path: string): ChoiceInfo | undefined =>
  path.includes("[]") ? undefined : findChoice(genericPath(path))
