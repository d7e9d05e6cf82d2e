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
  ),
  op(
    'NonBindingDeals',
    'Which deals are not binding yet (letters of intent, talks)?',
    `
query NonBindingDeals {
  partnerships(filter: { binding: NON_BINDING }, first: 50) {
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
  ),
  op(
    'WhenMightAccJoin',
    'When might ACC join the ecosystem, and how sure is it?',
    `
query WhenMightAccJoin {
  company(id: "acc") {
    name
    partnerships {
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
    { text: 'gigafactory' },
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
  ),
  op(
    'AnnouncementDates',
    'When were the two deals announced, and who says so?',
    `
query AnnouncementDates {
  partnerships(filter: { fromYear: 2021, toYear: 2021 }) {
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
  ),
];
