#!/usr/bin/env node
// Runs the TypeScript CLI in this process (tsx registers the loader), so `npx spsim` needs no build step
// and Ctrl-C reaches the program directly.
import { register } from "tsx/esm/api"

register()
await import("../src/cli/main.ts")
