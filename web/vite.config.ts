/** The explorer's build: a static site with relative asset paths (it works from any folder of any static host). */
import { resolve } from "node:path"
import { defineConfig } from "vite"

const root = import.meta.dirname

export default defineConfig({
  root,
  base: "./",
  worker: { format: "es" },
  build: {
    outDir: resolve(root, "dist"),
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 2000,
    rollupOptions: { input: { explorer: resolve(root, "index.html"), goldens: resolve(root, "goldens.html") } }
  },
  server: { fs: { allow: [resolve(root, "..")] } }
})
