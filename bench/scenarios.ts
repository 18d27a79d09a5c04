import { readFileSync } from "node:fs"
import { Schema } from "effect"
import { Scenario } from "../src/scenario/schema.ts"
import { mergeDocuments } from "../src/scenario/load.ts"

const read = (file: string): unknown => {
  const { $schema: _, extends: base, ...doc } = JSON.parse(readFileSync(new URL(`../scenarios/${file}`, import.meta.url), "utf8"))
  return typeof base === "string" ? mergeDocuments(read(base.replace(/^\.\//, "")), doc) : doc
}

/** A shipped scenario, `extends` resolved, decoded. */
export const loadShipped = (name: string): Scenario => Schema.decodeUnknownSync(Scenario)(read(`${name}.json`))
