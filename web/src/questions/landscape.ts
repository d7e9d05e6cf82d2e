// The analyst questions about Europe's battery-cell landscape (plants, capacity, owners, customers):
// plain data; web/src/operations.ts lists them after the seed article's questions.
import { op, type AnalystOperation } from './operation';

export const landscapeOperations: AnalystOperation[] = [
  op(
    'CapacityByCountry',
    'How much cell capacity is planned in each country up to 2030, and how much runs today?',
    `
query CapacityByCountry($asOf: String) {
  capacity(groupBy: COUNTRY, from: 2025, to: 2030, asOf: $asOf) {
    asOf
    figures {
      label
      year
      planned
      operating
      plants
      claims { name value unit evidence { quote source { publisher url published { value } } } }
    }
    totals { year planned operating plants }
    withoutCapacity { name }
  }
}`,
    { asOf: '2025-12-31' },
    'As known at the end of 2025, Germany has 85 GWh a year planned for 2030 at 9 plants, of which 39 GWh ran in 2025; every figure lists the claims (and quotes) it sums.',
  ),
  op(
    'StellantisCellSuppliers',
    'Which cell makers supply Stellantis?',
    `
query StellantisCellSuppliers {
  partnerships(filter: { companyId: "stellantis", kind: SUPPLY }) {
    nodes {
      name
      status
      binding
      parties { role company { id name } }
      evidence { quote source { publisher url } }
    }
  }
}`,
    undefined,
    'ACC (its own joint venture) and SVOLT, in supply deals where Stellantis is the buyer.',
  ),
  op(
    'PausedOrCancelledPlants',
    'Which announced gigafactories were paused or cancelled?',
    `
query PausedOrCancelledPlants {
  paused: plants(status: PAUSED, first: 50) { totalCount nodes { name country { name } stages { status date { value } summary } } }
  cancelled: plants(status: CANCELLED, first: 50) { totalCount nodes { name country { name } stages { status date { value } summary } } }
}`,
    undefined,
    '5 paused (among them Basquevolt in Vitoria-Gasteiz and FREYR in Mo i Rana) and 9 cancelled (among them ACC in Kaiserslautern and Termoli, Britishvolt, Italvolt and both SVOLT plants in Germany).',
  ),
  op(
    'PipelineThenAndNow',
    'What did the plant pipeline look like at the end of 2022, and at the end of 2025?',
    `
query PipelineThenAndNow {
  then: dashboard(asOf: "2022-12-31") { asOf plantsByStatus { key count } partnershipsByStatus { key count } }
  now: dashboard(asOf: "2025-12-31") { asOf plantsByStatus { key count } partnershipsByStatus { key count } }
}`,
    undefined,
    'End of 2022: 40 plants announced or further, none cancelled yet; end of 2025: 52, of which 7 cancelled, 6 paused, 12 producing and 2 expanded.',
  ),
  op(
    'TopCellMakers',
    'Which cell makers plan the most capacity for 2030, and who are their customers?',
    `
query TopCellMakers {
  dashboard(asOf: "2025-12-31") {
    cellMakers(year: 2030, first: 5) { company { name } plants planned operating customers { name } }
  }
}`,
    undefined,
    'As known at the end of 2025: LG Energy Solution leads with 115 GWh at Wrocław (customers Renault Group and Ampere), then ACC with 104 GWh (Stellantis, Mercedes-Benz), then Northvolt with 60 GWh, none of it running after its bankruptcy (BMW Group, Volkswagen Group, Volvo Cars).',
  ),
  op(
    'AccOwners',
    'Who owns ACC’s plants, and with what stakes?',
    `
query AccOwners {
  company(id: "acc") {
    operatedPlants {
      name
      status
      owners { company { name } stake evidence { quote } }
    }
  }
}`,
    undefined,
    'Mercedes-Benz, Stellantis and TotalEnergies, a third each; Billy-Berclau produces, Kaiserslautern and Termoli were cancelled.',
  ),
  op(
    'NorthvoltEttHistory',
    'What became of Northvolt Ett?',
    `
query NorthvoltEttHistory {
  plant(id: "northvolt-skelleftea") {
    name
    aliases
    operator { name }
    status
    stages { status date { value precision } summary evidence { quote source { publisher url } } }
    claims(preferredOnly: true) { property value unit year }
  }
}`,
    undefined,
    'Its first cell came off the line on 28 December 2021; after Northvolt’s bankruptcy production stopped in 2025, and in August 2025 Lyten agreed to buy the plant (status SOLD).',
  ),
  op(
    'HungaryPlants',
    'Which cell plants are in Hungary, who runs them, and where do they stand?',
    `
query HungaryPlants {
  plants(siteId: "hungary") {
    totalCount
    nodes { name operator { name } status city { name } location { latitude longitude } }
  }
}`,
    undefined,
    'Five: Samsung SDI in Göd and SK On in Komárom (both expanded), SK On in Iváncsa (producing), EVE Energy in Debrecen (under construction) and Sunwoda in Nyíregyháza (announced).',
  ),
  op(
    'PlantEventsIn2025',
    'What happened to plants in 2025 (openings, pauses, cancellations, sales)?',
    `
query PlantEventsIn2025 {
  timeline(from: 2025, to: 2025) {
    date
    kind
    title
    stage { status plant { name } }
    evidence { quote source { publisher } }
  }
}`,
    undefined,
    'Among others: Douai (3 June), Verkor in Bourbourg (11 December), PowerCo in Salzgitter (December) and AESC in Sunderland (16 December) started production; Northvolt Ett stopped and was sold; Cellforce was cancelled.',
  ),
  op(
    'VerkorCapacityClaims',
    'What capacity do sources state for Verkor’s plant, and which value is preferred?',
    `
query VerkorCapacityClaims {
  claims(subjectId: "verkor-bourbourg") {
    property
    conflicting
    preferred { value unit year stated { value } }
    values { value unit year evidence { source { publisher } } }
  }
}`,
    undefined,
    '16 GWh a year at the start (2025) and 50 GWh by 2030, each stated by several reports that agree.',
  ),
  op(
    'CatlInEurope',
    'Where does CATL make cells in Europe, and with whom does it deal?',
    `
query CatlInEurope {
  company(id: "catl") {
    operatedPlants { name status country { name } }
    partnerships { nodes { name kind status parties { role company { name } } } }
  }
}`,
    undefined,
    'It runs the Arnstadt plant in Germany (producing) and has a joint venture with Stellantis for LFP cells in Zaragoza, plus supply deals with BMW, Mercedes-Benz and Ampere.',
  ),
];
