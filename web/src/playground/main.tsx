// Playground (/playground, and GET /graphql from a browser): GraphiQL with the explorer plugin and
// history, preloaded with the analyst operations of ../operations.ts as tabs. Built from npm packages.
import 'graphiql/graphiql.css';
import '@graphiql/plugin-explorer/dist/style.css';
import '../shared/styles.css';
import './playground.css';
import { StrictMode, useCallback } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import { useEditorContext, type GraphiQLPlugin } from '@graphiql/react';
import type { Fetcher } from '@graphiql/toolkit';
import { graphql } from '../__generated__';
import { ApiError, GRAPHQL_ENDPOINT, execute, type GraphQLErrorShape } from '../shared/api';
import { hideError, showError } from '../shared/banner';
import { analystOperations, type AnalystOperation } from '../operations';

/** Posts the operation as JSON; network failures and a down database also raise the page banner. */
const fetcher: Fetcher = async (params) => {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_ENDPOINT, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(params),
    });
  } catch {
    const error = new ApiError('Check that the server is running (make start), then retry.', 'NETWORK');
    showError(error);
    throw error;
  }
  const text = await response.text();
  let body: { errors?: GraphQLErrorShape[] };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    const error = new ApiError(`The API answered HTTP ${response.status} without JSON`, `HTTP_${response.status}`);
    showError(error);
    throw error;
  }
  const unavailable = body.errors?.find((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE');
  if (unavailable) showError(new ApiError(unavailable.message, 'SERVICE_UNAVAILABLE', body.errors));
  else if (params.operationName !== 'IntrospectionQuery') hideError();
  return body as Awaited<ReturnType<Fetcher>>;
};

function QuestionsIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      width="20"
      height="20"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.5"
    >
      <circle cx="12" cy="12" r="9.5" />
      <path d="M9.2 9.3a2.9 2.9 0 1 1 4 2.7c-.8.4-1.2 1-1.2 1.8v.7" strokeLinecap="round" />
      <circle cx="12" cy="17.3" r="0.9" fill="currentColor" stroke="none" />
    </svg>
  );
}

/** Lists the analyst questions; choosing one switches to (or reopens) its tab. */
function QuestionsContent() {
  const editor = useEditorContext({ nonNull: true });
  const openOperation = useCallback(
    (operation: AnalystOperation) => {
      const index = editor.tabs.findIndex((tab) => tab.title === operation.name || tab.query === operation.query);
      if (index >= 0) {
        editor.changeTab(index);
        return;
      }
      editor.addTab();
      window.setTimeout(() => {
        editor.queryEditor?.setValue(operation.query);
        editor.variableEditor?.setValue(operation.variables ?? '');
      }, 0);
    },
    [editor],
  );
  return (
    <div className="analyst-questions">
      <div className="graphiql-doc-explorer-title">Analyst questions</div>
      <p>
        Each question is a ready-to-run operation in its own tab. Choose one, then press the run button (Ctrl-Enter).
      </p>
      <ol>
        {analystOperations.map((operation) => (
          <li key={operation.name}>
            <button
              type="button"
              className="question"
              data-operation={operation.name}
              onClick={() => openOperation(operation)}
            >
              {operation.question}
            </button>
            <code>{operation.name}</code>
          </li>
        ))}
      </ol>
    </div>
  );
}

const questionsPlugin: GraphiQLPlugin = { title: 'Analyst questions', icon: QuestionsIcon, content: QuestionsContent };
const plugins = [questionsPlugin, explorerPlugin({ showAttribution: false })];
const defaultTabs = analystOperations.map((operation) => ({ query: operation.query, variables: operation.variables }));

function Playground() {
  return (
    <GraphiQL
      fetcher={fetcher}
      plugins={plugins}
      visiblePlugin={questionsPlugin}
      defaultTabs={defaultTabs}
      defaultEditorToolsVisibility
      isHeadersEditorEnabled
      shouldPersistHeaders={false}
      defaultTheme="light"
    >
      <GraphiQL.Logo>Playground</GraphiQL.Logo>
    </GraphiQL>
  );
}

const HealthQuery = graphql(`
  query PlaygroundHealth {
    dashboard {
      totals {
        companies
      }
    }
  }
`);

async function checkApi(): Promise<void> {
  // A cheap query that reaches the database, so a down Neo4j shows as a banner before the first run.
  try {
    await execute(HealthQuery);
  } catch (err) {
    showError(err, () => {
      void checkApi();
    });
  }
}

const host = document.getElementById('graphiql');
if (host) {
  createRoot(host).render(
    <StrictMode>
      <Playground />
    </StrictMode>,
  );
  void checkApi().finally(() => {
    document.body.dataset.ready = 'true';
  });
}
