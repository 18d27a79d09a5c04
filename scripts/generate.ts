/**
 * `npm run gen:schema`: writes scenarios/scenario.schema.json and docs/parameters.md from the scenario Schema
 * and the default scenario's values, and refreshes the parameter tables in docs/model.md.
 * tests/scenario/generated.test.ts fails when any of them is stale.
 */
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Console, Effect, FileSystem } from "effect"
import { fileURLToPath } from "node:url"
import { writeFileAtomic } from "../src/io/atomicWrite.ts"
import { contractsDocPath, defaultScenarioPath, generatedFiles, modelDocPath } from "../src/scenario/generate.ts"

const root = fileURLToPath(new URL("..", import.meta.url))

const program = Effect.gen(function*() {
  const fs = yield* FileSystem.FileSystem
  const defaultScenario = JSON.parse(yield* fs.readFileString(`${root}${defaultScenarioPath}`)) as unknown
  const modelDoc = yield* fs.readFileString(`${root}${modelDocPath}`)
  const contractsDoc = yield* fs.readFileString(`${root}${contractsDocPath}`)
  for (const file of generatedFiles({ defaultScenario, modelDoc, contractsDoc })) {
    const target = `${root}${file.path}`
    const current = yield* fs.readFileString(target).pipe(Effect.orElseSucceed(() => undefined))
    if (current === file.content) continue
    yield* fs.makeDirectory(target.slice(0, target.lastIndexOf("/")), { recursive: true })
    yield* writeFileAtomic(target, file.content)
    yield* Console.log(`wrote ${file.path}`)
  }
})

NodeRuntime.runMain(program.pipe(Effect.provide(NodeFileSystem.layer)))
