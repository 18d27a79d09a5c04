/** The explorer's main charts, in page order: what each reads and how it draws. The page and the golden-SVG page share this list. */
import type { ContractInfo, ExplorerSummary, SeriesNeeds } from "../summary.ts"
import type { ChartOptions } from "./bandChart.ts"
import * as caseload from "./caseload.ts"
import * as workforce from "./workforce.ts"
import * as funnel from "./funnel.ts"
import * as exitReasons from "./exitReasons.ts"
import * as starChange from "./starChange.ts"
import * as hospitalCost from "./hospitalCost.ts"
import * as payments from "./payments.ts"
import * as contractsCompared from "./contractsCompared.ts"
import * as cashPosition from "./cashPosition.ts"
import * as groups from "./groups.ts"

export interface ChartEntry {
  readonly id: string
  readonly title: string
  readonly needs: (contracts: ReadonlyArray<ContractInfo>, contract: string) => SeriesNeeds
  readonly render: (summary: ExplorerSummary, contract: string, options?: ChartOptions) => Element
  /** Detail for researchers: on the page, left out of the printed one-page summary. */
  readonly detail?: boolean
}

export const mainCharts: ReadonlyArray<ChartEntry> = [
  { id: "caseload", title: "Active caseload and waiting list", needs: () => caseload.needs, render: (s, _c, o) => caseload.caseloadChart(s, o) },
  { id: "workforce", title: "Link workers in post and vacant posts", needs: () => workforce.needs, render: (s, _c, o) => workforce.workforceChart(s, o) },
  { id: "funnel", title: "Pathway: referred → engaged → discharged or disengaged", needs: () => funnel.needs, render: (s, _c, o) => funnel.funnelChart(s, o) },
  { id: "exitReasons", title: "Why people left", needs: () => exitReasons.needs, render: (s, _c, o) => exitReasons.exitReasonsChart(s, o) },
  { id: "starChange", title: "Star change of people reviewed twice or more", needs: () => starChange.needs, render: (s, _c, o) => starChange.starChangeChart(s, o) },
  { id: "hospitalCost", title: "Hospital cost against the comparison group", needs: () => hospitalCost.needs, render: (s, _c, o) => hospitalCost.hospitalCostChart(s, o) },
  { id: "payments", title: "Payments by payer against the cap", needs: (contracts, c) => payments.needsFor({ contracts }, c), render: (s, c, o) => payments.paymentsChart(s, c, o) },
  { id: "contracts", title: "The alternative contracts on the same people", needs: (contracts) => contractsCompared.needsFor({ contracts }), render: (s, _c, o) => contractsCompared.contractsComparedChart(s, o) },
  { id: "cash", title: "Each party's cash position", needs: (contracts, c) => cashPosition.needsFor({ contracts }, c), render: (s, c, o) => cashPosition.cashPositionChart(s, c, o) },
  { id: "groupShares", title: "For whom: engagement, dropout and failed onward referrals by group", needs: () => groups.needs, render: (s, _c, o) => groups.groupSharesChart(s, o), detail: true },
  { id: "groupStar", title: "For whom: Star change by group", needs: () => groups.needs, render: (s, _c, o) => groups.groupStarChart(s, o), detail: true }
]

/** Everything the main charts read, together: the golden fixture holds this much. */
export const allNeeds = (contracts: ReadonlyArray<ContractInfo>, contract: string): SeriesNeeds => {
  const needs = mainCharts.map((c) => c.needs(contracts, contract))
  return {
    weekly: [...new Set(needs.flatMap((n) => n.weekly ?? []))],
    quarterly: [...new Set(needs.flatMap((n) => n.quarterly ?? []))],
    starChange: needs.some((n) => n.starChange === true)
  }
}
