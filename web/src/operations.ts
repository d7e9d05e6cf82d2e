// Ready-to-run analyst operations: the playground opens each as a tab, and the README and the tests
// reuse this list. Plain data, no DOM: importable from Node as well as from the browser.

export interface AnalystOperation {
  /** The GraphQL operation name, also the playground tab's title. */
  name: string;
  /** The analyst's question in plain words. */
  question: string;
  /** The operation text, starting with the question as a comment. */
  query: string;
  /** Variables as JSON text, when the operation takes any. */
  variables?: string;
  /** The answer in plain words, as of the shipped data (the questions test checks it). */
  answer?: string;
}

function op(
  name: string,
  question: string,
  body: string,
  variables?: Record<string, unknown>,
  answer?: string,
): AnalystOperation {
  return {
    name,
    question,
    query: `# ${question}\n${body.trim()}\n`,
    variables: variables ? JSON.stringify(variables, null, 2) : undefined,
    answer,
  };
}

export const analystOperations: AnalystOperation[] = [
  op(
    'RenaultPartners',
    'Which companies partner with Renault and how binding is each deal?',
    `
query RenaultPartners {
  company(id: "renault-group") {
    name
    partners {
      company { id name kinds }
      partnerships { name kind binding status }
    }
  }
}`,
    undefined,
    'ACC, the Alliance, Ampere, Envision AESC, LG Chem, LG Energy Solution, Verkor, and the funds beside Renault in Verkor’s 2023 round; the Verkor deal is now a binding supply contract, the ACC talks lapsed.',
  ),
  op(
    'DueIn2030',
    'What is due in 2030?',
    `
query DueIn2030 {
  timeline(from: 2030, to: 2030) {
    date
    kind
    title
    milestone {
      due
      modality
      bound
      measure { value unit approximate }
    }
    partnership { name status binding }
    evidence { quote }
  }
}`,
    undefined,
    'About 4,500 direct jobs in France, one million electric cars built in Europe, and solid-state batteries (ASSB) from 2030, among others; each entry with its quote.',
  ),
  op(
    'VerkorToNissan',
    'How is Verkor connected to Nissan?',
    `
query VerkorToNissan {
  shortestPath(fromId: "verkor", toId: "nissan") {
    nodes { __typename id name }
    edges { source target type }
  }
}`,
    undefined,
    'In four hops, through Renault Group and the Alliance (or through Envision AESC, a longtime partner of Nissan).',
  ),
  op(
    'GigafactorySite',
    'Where will the gigafactory be?',
    `
query GigafactorySite {
  site(id: "douai-gigafactory") {
    name
    kind
    description
    locatedIn { name kind locatedIn { name kind } }
    near { name kind }
    partnerships {
      name
      kind
      status
      parties { role company { name } }
    }
    evidence { quote source { name } }
  }
}`,
    undefined,
    'In Douai, northern France, near Renault ElectriCity; built under the Renault Group–Envision AESC cooperation.',
  ),
  op(
    'NonBindingDeals',
    'Which of Renault’s deals are not binding yet (letters of intent, talks)?',
    `
query NonBindingDeals {
  partnerships(filter: { companyId: "renault-group", binding: NON_BINDING }, first: 50) {
    totalCount
    nodes {
      name
      kind
      status
      parties { role company { name } }
      evidence { quote }
    }
  }
}`,
    undefined,
    'The talks with ACC (lapsed in September 2021), among the deals with Renault Group as a party that are not binding.',
  ),
  op(
    'WhenMightAccJoin',
    'When might ACC join the ecosystem, and how sure is it?',
    `
query WhenMightAccJoin {
  company(id: "acc") {
    name
    partnerships(filter: { companyId: "renault-group" }) {
      nodes {
        name
        kind
        status
        modality
        milestones { year bound due modality }
        evidence { quote }
      }
    }
  }
}`,
    undefined,
    'Possibly from 2027: the seed article states it as a possibility, and ACC said in September 2021 that Renault would not join.',
  ),
  op(
    'AssbResearch',
    'What is the ASSB project and when does the research start?',
    `
query AssbResearch {
  project(id: "assb") {
    name
    aliases
    kind
    description
    owners { name }
    partnerships { name kind parties { company { name } } }
    milestones { year bound due modality }
    evidence { quote }
  }
}`,
    undefined,
    'The Alliance’s All Solid State Battery Technology research programme, to be used from 2030.',
  ),
  op(
    'CeoStatements',
    'What did Renault’s CEO say, and where?',
    `
query CeoStatements {
  person(id: "luca-de-meo") {
    name
    positions { title organization { name } }
    statements { quote source { name url } }
  }
}`,
    undefined,
    'Luca de Meo, CEO of Renault Group, on producing one million electric cars in Europe by 2030 and the battery strategy, quoted in the seed article.',
  ),
  op(
    'FindFacts',
    'Which facts mention a word (full-text search over every type)?',
    `
query FindFacts($text: String!) {
  search(text: $text, first: 10) {
    score
    node {
      __typename
      id
      name
      ... on Evidence { quote source { name } }
    }
  }
}`,
    { text: 'Douai gigafactory' },
    'The Douai gigafactory, its partnership and the quotes that name it, names first.',
  ),
  op(
    'Landscape',
    'What does the partnership landscape look like at a glance?',
    `
query Landscape {
  dashboard {
    totals { companies partnerships sites projects milestones sources evidence }
    partnershipsByKind { key count }
    partnershipsByStatus { key count }
    partnershipsByBinding { key count }
    milestonesByYear { year count }
  }
}`,
    undefined,
    'As many companies, deals and milestones as the fact files declare, by kind, status and binding (97 companies and 81 agreements in the shipped data).',
  ),
  op(
    'AnnouncementDates',
    'When were Renault’s 2021 deals announced, and who says so?',
    `
query AnnouncementDates {
  partnerships(filter: { companyId: "renault-group", fromYear: 2021, toYear: 2021 }) {
    nodes {
      name
      announced {
        value
        precision
        evidence { quote source { publisher url } }
      }
    }
  }
}`,
    undefined,
    'On 28 June 2021 (the Envision AESC cooperation, the Verkor letter of intent and Renault’s stake in Verkor), per Republic World and The Next Web.',
  ),
  op(
    'LgChemSupply',
    'What does LG Chem supply, and for which car?',
    `
query LgChemSupply {
  company(id: "lg-chem") {
    partnerships {
      nodes {
        name
        kind
        status
        parties { role company { name } }
        projects { name kind }
        evidence { quote }
      }
    }
  }
}`,
    undefined,
    'Battery modules for Renault and for the coming Megane.',
  ),
  op(
    'VerkorDealHistory',
    'What is the current status of the Renault–Verkor deal, and how did it get there?',
    `
query VerkorDealHistory {
  dealHistory(id: "renault-verkor-batteries") {
    status
    current { kind binding date { value } }
    stages {
      status
      kind
      binding
      date { value precision }
      evidence { quote source { publisher url } }
    }
  }
}`,
    undefined,
    'Signed: the June 2021 letter of intent became a binding supply contract on 13 April 2023 (electrive.com).',
  ),
  op(
    'UnrealizedDeals',
    'Which announced deals never happened?',
    `
query UnrealizedDeals {
  unrealizedDeals {
    name
    status
    currentStage { date { value } summary evidence { quote source { publisher url } } }
  }
}`,
    undefined,
    'The Renault–ACC talks (lapsed in September 2021), and in the landscape among others BMW’s Northvolt and SVOLT orders and the Ford–LG Energy Solution–Koç venture (cancelled).',
  ),
  op(
    'ConflictingValues',
    'Which values do sources disagree on, and which one is preferred?',
    `
query ConflictingValues {
  claims(conflictingOnly: true) {
    subject { name }
    property
    preferred { value unit stated { value } }
    values { value unit year stated { value } evidence { source { publisher } } }
  }
}`,
    undefined,
    'The Douai gigafactory’s capacity target and others; each group shows its preferred value by the documented rule.',
  ),
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
