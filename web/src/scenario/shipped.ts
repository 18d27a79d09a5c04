/**
 * The shipped scenarios, bundled into the page as text. `england.json` (national scale, minutes per replicate)
 * is left out: the explorer is for a service's worth of people.
 */
import type { ShippedTexts } from "./fromText.ts"

const files = import.meta.glob("../../../scenarios/*.json", { query: "?raw", import: "default", eager: true }) as Record<string, string>

const left = new Set(["scenario.schema.json", "england.json"])

export const shippedTexts: ShippedTexts = Object.fromEntries(
  Object.entries(files)
    .map(([path, text]) => [path.slice(path.lastIndexOf("/") + 1), text] as const)
    .filter(([name]) => !left.has(name))
)

/** Names to pick from, the default first. */
export const shippedNames: ReadonlyArray<string> = [
  "ways-to-wellness",
  ...Object.keys(shippedTexts).map((f) => f.replace(/\.json$/, "")).filter((n) => n !== "ways-to-wellness").sort()
]

export const defaultScenarioName = "ways-to-wellness"
