import "./style.css"
import { startExplorer } from "./app/explorer.ts"

startExplorer(document.getElementById("app")!)
