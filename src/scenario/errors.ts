import { Schema } from "effect"

export const ScenarioProblem = Schema.Struct({
  path: Schema.String,
  expected: Schema.String,
  found: Schema.String
})
export type ScenarioProblem = typeof ScenarioProblem.Type

/** What a file read as a document is, for messages: "scenario" unless said otherwise (e.g. "targets"). */
const FileKind = Schema.optionalKey(Schema.String)

export class ScenarioFileNotFound extends Schema.TaggedError<ScenarioFileNotFound>()("ScenarioFileNotFound", {
  file: Schema.String,
  kind: FileKind
}) {
  override get message(): string {
    return this.render()
  }

  render(): string {
    return `${this.kind ?? "scenario"} file not found: ${this.file}`
  }
}

export class ScenarioFileUnreadable extends Schema.TaggedError<ScenarioFileUnreadable>()("ScenarioFileUnreadable", {
  file: Schema.String,
  detail: Schema.String,
  kind: FileKind
}) {
  override get message(): string {
    return this.render()
  }

  render(): string {
    return `cannot read ${this.kind ?? "scenario"} file ${this.file}: ${this.detail}`
  }
}

export class ScenarioJsonError extends Schema.TaggedError<ScenarioJsonError>()("ScenarioJsonError", {
  file: Schema.String,
  line: Schema.Number,
  column: Schema.Number,
  detail: Schema.String
}) {
  override get message(): string {
    return this.render()
  }

  render(): string {
    return `${this.file}:${this.line}:${this.column}: invalid JSON: ${this.detail}`
  }
}

export class ScenarioInvalid extends Schema.TaggedError<ScenarioInvalid>()("ScenarioInvalid", {
  file: Schema.String,
  problems: Schema.Array(ScenarioProblem)
}) {
  override get message(): string {
    return this.render()
  }

  render(): string {
    return this.problems
      .map(({ path, expected, found }) =>
        `${this.file}: ${path === "" ? "" : `at ${path}: `}${expected}, found ${found}`
      )
      .join("\n")
  }
}

export class ScenarioExtendsError extends Schema.TaggedError<ScenarioExtendsError>()("ScenarioExtendsError", {
  file: Schema.String,
  detail: Schema.String
}) {
  override get message(): string {
    return this.render()
  }

  render(): string {
    return `${this.file}: bad "extends": ${this.detail}`
  }
}

/** Contracts that decode but cannot work: a bad formula, a duplicate name, a payer paying for nothing known. */
export class ScenarioContractError extends Schema.TaggedError<ScenarioContractError>()("ScenarioContractError", {
  file: Schema.String,
  problems: Schema.Array(Schema.String)
}) {
  override get message(): string {
    return this.render()
  }

  render(): string {
    return this.problems.map((p) => `${this.file}: ${p}`).join("\n")
  }
}

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

export type ScenarioLoadError =
  | ScenarioFileNotFound
  | ScenarioFileUnreadable
  | ScenarioJsonError
  | ScenarioInvalid
  | ScenarioExtendsError
  | ScenarioContractError
