// The seed article's analyst questions (Renault's 2021 battery deals and what became of them).
import { op, type AnalystOperation } from './operation';

export const seedOperations: AnalystOperation[] = [
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
];
