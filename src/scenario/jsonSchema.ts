/**
 * The scenario's JSON Schema, for editors: completion, hover text (meaning, unit, source) and range checks
 * while a scenario file is being written. The Effect decoder stays the final authority.
 */
import { JsonSchema, Schema } from "effect"
import { Scenario } from "./schema.ts"
import { isAnnotationKey } from "./param.ts"
import { SchedulePoint } from "./schedule.ts"

type Json = null | boolean | number | string | ReadonlyArray<Json> | { readonly [key: string]: Json }
type JsonObject = { readonly [key: string]: Json }

const isJsonObject = (value: Json | undefined): value is JsonObject =>
  typeof value === "object" && value !== null && !Array.isArray(value)

const lowerBounds = new Set(["minimum", "exclusiveMinimum", "minItems", "minLength"])
const upperBounds = new Set(["maximum", "exclusiveMaximum", "maxItems", "maxLength"])

/**
 * Merges `allOf` parts into their parent when no keyword clashes (bounds combine to the tighter one), so that
 * a parameter's description and range sit on the property itself, where editors look for them.
 */
const flattenAllOf = (node: Json): Json => {
  if (Array.isArray(node)) return node.map(flattenAllOf)
  if (!isJsonObject(node)) return node
  const out: Record<string, Json> = {}
  for (const [key, value] of Object.entries(node)) out[key] = flattenAllOf(value)
  const parts = out.allOf
  if (!Array.isArray(parts)) return out
  const merged: Record<string, Json> = { ...out }
  delete merged.allOf
  for (const part of parts) {
    if (!isJsonObject(part)) return out
    for (const [key, value] of Object.entries(part)) {
      const existing = merged[key]
      if (existing === undefined || existing === value) merged[key] = value
      else if (typeof existing === "number" && typeof value === "number" && lowerBounds.has(key)) merged[key] = Math.max(existing, value)
      else if (typeof existing === "number" && typeof value === "number" && upperBounds.has(key)) merged[key] = Math.min(existing, value)
      else return out
    }
  }
  return merged
}

/** The object tree reached through `properties` only: the part of a scenario that `extends` merges key by key. */
const splitRequired = (node: Json): { readonly schema: Json; readonly required: JsonObject | undefined } => {
  if (!isJsonObject(node) || !isJsonObject(node.properties)) return { schema: node, required: undefined }
  const schemaProperties: Record<string, Json> = {}
  const requiredProperties: Record<string, Json> = {}
  for (const [key, child] of Object.entries(node.properties)) {
    const split = splitRequired(child)
    schemaProperties[key] = split.schema
    if (split.required !== undefined) requiredProperties[key] = split.required
  }
  const skeleton: Record<string, Json> = {}
  if (Array.isArray(node.required) && node.required.length > 0) skeleton.required = node.required
  if (Object.keys(requiredProperties).length > 0) skeleton.properties = requiredProperties
  const schema = Object.fromEntries(
    Object.entries(node)
      .filter(([key]) => key !== "required")
      .map(([key, value]) => [key, key === "properties" ? schemaProperties : value])
  )
  return { schema, required: Object.keys(skeleton).length > 0 ? skeleton : undefined }
}

const loaderProperties: JsonObject = {
  $schema: {
    type: "string",
    description: "Path or URL of this JSON Schema, for editors; ignored by spsim"
  },
  extends: {
    type: "string",
    minLength: 1,
    description: "Path (relative to this file) of a base scenario: this file's values override the base's, objects merge key by key, arrays are replaced whole. With extends, every field is optional."
  }
}

/**
 * The scenario's JSON Schema (draft 2020-12) as a standalone document. A file without `extends` must give every
 * field; a file with `extends` may give any subset, since the base supplies the rest.
 */
export const scenarioJsonSchema = (): JsonObject => {
  const document = Schema.toJsonSchemaDocument(Scenario, {
    onExcessProperty: "error",
    includeAnnotationKey: isAnnotationKey,
    // Shared by every schedule: one definition instead of a copy per schedule.
    referencePolicy: ({ ast, identifier }) => (ast === SchedulePoint.ast ? "SchedulePoint" : identifier)
  })
  const root = flattenAllOf(document.schema as Json)
  const definitions = flattenAllOf(document.definitions as Json)
  if (!isJsonObject(root) || !isJsonObject(root.properties) || !isJsonObject(definitions)) {
    throw new Error("the scenario's JSON Schema is not an object schema")
  }
  const { title, description, type, additionalProperties, ...rest } = root
  const split = splitRequired(rest)
  if (!isJsonObject(split.schema) || !isJsonObject(split.schema.properties) || split.required === undefined) {
    throw new Error("the scenario's JSON Schema has no required fields")
  }
  if ("CompleteScenario" in definitions) throw new Error("definition name CompleteScenario is taken")
  return {
    $schema: JsonSchema.META_SCHEMA_URI_DRAFT_2020_12,
    $comment: "Generated from src/scenario/schema.ts by `npm run gen:schema`: do not edit by hand.",
    title: title ?? "spsim scenario",
    ...(description === undefined ? {} : { description }),
    type: type ?? "object",
    ...split.schema,
    properties: { ...loaderProperties, ...split.schema.properties },
    additionalProperties: additionalProperties ?? false,
    if: { required: ["extends"] },
    else: { $ref: "#/$defs/CompleteScenario" },
    $defs: { ...definitions, CompleteScenario: split.required }
  }
}

/** The JSON Schema file's text: scenarios/scenario.schema.json. */
export const renderJsonSchema = (): string => `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`
