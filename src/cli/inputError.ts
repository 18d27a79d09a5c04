import { Schema } from "effect"

/** Command-line input that cannot work (a bad --set, an unknown --params path): exit code 2. */
export class InputError extends Schema.TaggedError<InputError>()("InputError", {
  problems: Schema.Array(Schema.String)
}) {
  override get message(): string {
    return this.render()
  }

  render(): string {
    return this.problems.join("\n")
  }
}
