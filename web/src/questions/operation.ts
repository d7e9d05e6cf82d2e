// One analyst question with the operation that answers it. Plain data, no DOM: importable from Node too.

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

export function op(
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
