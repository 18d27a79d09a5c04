/**
 * Community services: voluntary and community groups by category and area. Their places follow the funding
 * schedule: a cut closes the least resilient services (a set share of the cut) and shrinks the rest;
 * the availability schedule (e.g. COVID-19) scales the places of those still open.
 */
import type { Scenario } from "../scenario/schema.ts"
import { serviceCategories } from "../scenario/sections/community.ts"
import { cancel, Due } from "./calendar.ts"
import { pickCumulative, type Uniform } from "./random.ts"
import type { Sim } from "./sim.ts"
import {
  residentFields,
  residentPeople,
  residentServiceCapacity,
  residentServiceGroup,
  residentServiceOccupied,
  residentServiceOpen,
  residentServiceRequires
} from "./resident.ts"

export const culturallySpecific = serviceCategories.indexOf("culturallySpecific")
const K = serviceCategories.length
/** Group of a culturally specific service when the population has no minority groups: suits nobody. */
const noGroup = -2

export interface Services {
  readonly count: number
  readonly category: Uint8Array
  readonly cluster: Int32Array
  readonly places: Float64Array
  readonly resilience: Float64Array
  readonly womenOnly: Uint8Array
  readonly olderOnly: Uint8Array
  readonly daytimeOnly: Uint8Array
  readonly language: Uint8Array
  /**
   * What the service asks of its users, a bit each (`Requires`): the four flags above in the order onward referral
   * reports a mismatch, so that a person's lacks (`personLacks`, onwardReferral.ts) meet them in one test.
   * This and the four below are the thread's resident arrays while the run holds them (`resident.ts`), which the
   * engine reads as constants, and copies of their own after (`moveServicesOut`).
   */
  requires: Uint8Array
  /** Ethnic group served by a culturally specific service; -1 for services open to all. */
  group: Int16Array
  occupied: Int32Array
  /** This week's places: whole numbers (see `updateServices`). */
  capacity: Float64Array
  open: Uint8Array
  /** Services of area c and category k are start[c*K+k] .. start[c*K+k+1]-1. */
  readonly start: Int32Array
  /** The same ranges, each listing its services from the most resilient to the least. */
  readonly byResilience: Int32Array
  /**
   * The funding and availability each range's places were last shared out for (2 × range, 2 × range + 1; NaN before
   * the first week): `updateServices` leaves a range alone while neither has changed, most weeks of a schedule.
   */
  readonly sharedFor: Float64Array
}

/**
 * Bits of `Services.requires`, lowest first in the order a mismatch is reported (`OnwardFailure.unsuitableSex`,
 * `unsuitableAge`, `unsuitableTimes`, `unsuitableLanguage`: bit b is reason `unsuitableSex` + b).
 */
export const Requires = { women: 1, olderAdults: 2, daytime: 4, noLanguageSupport: 8 } as const

/** The scenario's community services; in the thread's resident arrays if `resident` (the new run holds them). */
export const createServices = (scenario: Scenario, setup: Uniform, inResident: boolean): Services => {
  const clusters = scenario.practices.clusters
  const cats = serviceCategories.map((k) => scenario.communityServices.categories[k])
  const start = new Int32Array(clusters * K + 1)
  for (let c = 0; c < clusters; c++) for (let k = 0; k < K; k++) start[c * K + k + 1] = start[c * K + k] + cats[k].servicesPerArea
  const count = start[clusters * K]
  const groups = scenario.population.ethnicGroups
  const minorityCumulative = new Float64Array(groups.length)
  let acc = 0
  groups.forEach((g, i) => {
    acc += g.majority ? 0 : g.weight
    minorityCumulative[i] = acc
  })
  const s: Services = {
    count,
    category: new Uint8Array(count),
    cluster: new Int32Array(count),
    places: new Float64Array(count),
    resilience: new Float64Array(count),
    womenOnly: new Uint8Array(count),
    olderOnly: new Uint8Array(count),
    daytimeOnly: new Uint8Array(count),
    language: new Uint8Array(count),
    requires: new Uint8Array(count),
    group: new Int16Array(count).fill(-1),
    occupied: new Int32Array(count),
    capacity: new Float64Array(count),
    open: new Uint8Array(count),
    start,
    byResilience: new Int32Array(count),
    sharedFor: new Float64Array(2 * clusters * K).fill(NaN)
  }
  for (let c = 0; c < clusters; c++) {
    for (let k = 0; k < K; k++) {
      const cat = cats[k]
      for (let i = start[c * K + k]; i < start[c * K + k + 1]; i++) {
        s.category[i] = k
        s.cluster[i] = c
        s.places[i] = cat.placesPerService
        s.resilience[i] = setup()
        s.womenOnly[i] = setup() < cat.womenOnlyShare ? 1 : 0
        s.olderOnly[i] = setup() < cat.olderAdultsOnlyShare ? 1 : 0
        s.daytimeOnly[i] = setup() < cat.daytimeOnlyShare ? 1 : 0
        s.language[i] = setup() < cat.languageSupportShare ? 1 : 0
        const u = setup()
        if (k === culturallySpecific) s.group[i] = acc > 0 ? pickCumulative(minorityCumulative, u) : noGroup
        s.requires[i] = (s.womenOnly[i] ? Requires.women : 0) | (s.olderOnly[i] ? Requires.olderAdults : 0) |
          (s.daytimeOnly[i] ? Requires.daytime : 0) | (s.language[i] ? 0 : Requires.noLanguageSupport)
      }
      const range = Array.from({ length: start[c * K + k + 1] - start[c * K + k] }, (_, j) => start[c * K + k] + j)
      range.sort((x, y) => s.resilience[y] - s.resilience[x] || x - y)
      s.byResilience.set(range, start[c * K + k])
    }
  }
  if (inResident) moveServicesIn(s)
  return s
}

/** What the engine reads of each service: in the thread's resident arrays while the run holds them (`resident.ts`). */
const resident = residentFields({
  requires: residentServiceRequires,
  group: residentServiceGroup,
  occupied: residentServiceOccupied,
  capacity: residentServiceCapacity,
  open: residentServiceOpen
}, "community services")

/** The services' resident arrays are the run's now (`holdResident`), its own copies copied in. */
export const moveServicesIn = (s: Services): void => resident.moveIn(s)

/** The run moves out of the resident arrays into copies of its own (`holdResident` for another run). */
export const moveServicesOut = (s: Services): void => resident.moveOut(s)

/**
 * This week's open services and places, from the funding and availability schedules. A person takes a whole
 * place, so each area's services of a kind share out the whole number nearest their total: each open service
 * has the whole part of its share, and the places its fractions add up to go one each to the most resilient
 * (rounding each service down instead would lose a place in every service at the smallest cut).
 */
export const updateServices = (sim: Sim, week: number): void => {
  const s = sim.services
  const availability = sim.params.serviceAvailability[week]
  const closureShare = sim.scenario.communityServices.closureShareOfCut
  const H = sim.params.horizonWeeks
  // Open and capacity as the resident constants they are for the run being stepped (`resident.ts`).
  const open = residentServiceOpen, capacity = residentServiceCapacity
  const { places, resilience, start, byResilience, sharedFor } = s
  for (let g = 0; g + 1 < start.length; g++) {
    // Groups run area by area, category by category within each (`createServices`).
    const funding = sim.params.serviceFunding[(g % K) * H + week]
    // The same schedules as last week: the same places (nothing else changes them).
    if (funding === sharedFor[2 * g] && availability === sharedFor[2 * g + 1]) continue
    sharedFor[2 * g] = funding
    sharedFor[2 * g + 1] = availability
    const openShare = funding >= 1 ? 1 : 1 - closureShare * (1 - funding)
    const scale = openShare > 0 ? (funding / openShare) * availability : 0
    let total = 0
    let whole = 0
    for (let i = start[g]; i < start[g + 1]; i++) {
      open[i] = resilience[i] < openShare ? 1 : 0
      const share = open[i] ? places[i] * scale : 0
      total += share
      capacity[i] = Math.floor(share)
      whole += capacity[i]
    }
    let extra = Math.round(total) - whole
    for (let j = start[g]; j < start[g + 1] && extra > 0; j++) {
      const i = byResilience[j]
      if (open[i] && places[i] * scale > capacity[i]) {
        capacity[i]++
        extra--
      }
    }
  }
}

/** `serviceEndWeek` of a person with no service place: a week that never comes. */
export const noPlaceEndWeek = 32000

/** Whether some closed service still has people in it (they lose their places at their turn this week). */
export const closedServiceOccupied = (s: Services): boolean => {
  const open = residentServiceOpen, occupied = residentServiceOccupied
  const n = s.count
  for (let i = 0; i < n; i++) if (open[i] === 0 && occupied[i] > 0) return true
  return false
}

/** The person stops attending their community service. */
export const releasePlace = (id: number): void => {
  const a = residentPeople
  residentServiceOccupied[a.serviceId[id]]--
  a.serviceId[id] = -1
  a.serviceEndWeek[id] = noPlaceEndWeek
  cancel(a, id, Due.serviceEnd)
}
