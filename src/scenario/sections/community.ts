import { Schema } from "effect"
import { Schedule } from "../schedule.ts"
import { assumed, param, share } from "../param.ts"

/** The kinds of voluntary and community service a link worker refers on to. */
export const serviceCategories = [
  "physicalActivity",
  "weightManagement",
  "selfManagement",
  "welfareAdvice",
  "artsSocial",
  "volunteeringEmployment",
  "culturallySpecific"
] as const
export type ServiceCategory = (typeof serviceCategories)[number]

const ServiceCategoryParams = (label: string) =>
  Schema.Struct({
    needWeight: param({ unit: "relative weight", min: 0, max: 100, description: `How often people need ${label} (relative to other categories)`, ...assumed }),
    isolatedNeedMultiplier: param({ unit: "multiplier", min: 0, max: 20, description: `Need for ${label} among socially isolated people, relative to others`, ...assumed }),
    servicesPerArea: param({ unit: "services per area", min: 0, max: 1000, integer: true, description: `Number of ${label} services in each area at full funding`, ...assumed }),
    placesPerService: param({ unit: "places", min: 0, max: 10000, description: `People one ${label} service can take at once at full funding`, ...assumed }),
    useWeeksMean: param({ unit: "weeks", min: 1, max: 520, description: `Mean time a person attends a ${label} service (exponential)`, ...assumed }),
    womenOnlyShare: share({ description: `Share of ${label} services for women only`, ...assumed }),
    olderAdultsOnlyShare: share({ description: `Share of ${label} services for people aged 60+ only`, ...assumed }),
    daytimeOnlyShare: share({ description: `Share of ${label} services running only in working hours`, ...assumed }),
    languageSupportShare: share({ description: `Share of ${label} services able to work in community languages`, ...assumed }),
    funding: Schema.optionalKey(Schedule.annotate({
      description: `Funding of ${label} services relative to the start, multiplying communityServices.funding: a deeper or shallower cut for this kind of service (left out: the overall schedule alone)`
    }))
  })

const categoryLabels: Record<ServiceCategory, string> = {
  physicalActivity: "physical activity",
  weightManagement: "weight management",
  selfManagement: "condition self-management",
  welfareAdvice: "welfare, debt and housing advice",
  artsSocial: "arts and social group",
  volunteeringEmployment: "volunteering and employment support",
  culturallySpecific: "culturally specific (serving one minority ethnic group)"
}

export const CommunityServices = Schema.Struct({
  categories: Schema.Struct({
    physicalActivity: ServiceCategoryParams(categoryLabels.physicalActivity),
    weightManagement: ServiceCategoryParams(categoryLabels.weightManagement),
    selfManagement: ServiceCategoryParams(categoryLabels.selfManagement),
    welfareAdvice: ServiceCategoryParams(categoryLabels.welfareAdvice),
    artsSocial: ServiceCategoryParams(categoryLabels.artsSocial),
    volunteeringEmployment: ServiceCategoryParams(categoryLabels.volunteeringEmployment),
    culturallySpecific: ServiceCategoryParams(categoryLabels.culturallySpecific)
  }),
  funding: Schedule.annotate({ description: "Funding of community services relative to the start (austerity cuts, closures, recovery)" }),
  availability: Schedule.annotate({ description: "Share of places usable over time for reasons other than funding (e.g. COVID-19 closures)" }),
  closureShareOfCut: share({ description: "Share of a funding cut taken as whole services closing (the least resilient first); the rest shrinks the places of services that stay open", ...assumed })
})

/** Referral on from the link worker to community services. */
export const OnwardReferral = Schema.Struct({
  ratePerWeek: param({ unit: "per person-week", min: 0, max: 1, description: "Onward referrals a week for a person in intensive support who is not attending a service", ...assumed }),
  maintenanceMultiplier: param({ unit: "multiplier", min: 0, max: 2, description: "Onward-referral rate in maintenance relative to intensive support", ...assumed })
})
export type CommunityServices = typeof CommunityServices.Type
