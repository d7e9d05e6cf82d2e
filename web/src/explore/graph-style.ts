// How the explorer's graph looks: node types by colour and shape, expanded and selected nodes, edge
// labels near the selection, cheap drawing for big graphs, and the highlighted shortest path.
import type cytoscape from 'cytoscape';
import { cytoscapeTypeStyles } from '../shared/node-types';

export const GRAPH_STYLE: cytoscape.StylesheetStyle[] = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 10,
      'min-zoomed-font-size': 7,
      'text-valign': 'bottom',
      'text-margin-y': 3,
      'text-wrap': 'ellipsis',
      'text-max-width': '120px',
      width: 22,
      height: 22,
      color: '#1d2430',
      'text-outline-color': '#ffffff',
      'text-outline-width': 2,
      'background-color': '#888',
    },
  },
  ...cytoscapeTypeStyles(),
  { selector: 'node.expanded', style: { 'border-width': 2, 'border-color': '#17212f' } },
  {
    selector: 'node:selected',
    style: { 'border-width': 4, 'border-color': '#f0a500', width: 30, height: 30, 'z-index': 10 },
  },
  {
    selector: 'edge',
    style: {
      width: 1.5,
      'line-color': '#a9b4c2',
      'target-arrow-color': '#a9b4c2',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.7,
      'curve-style': 'bezier',
    },
  },
  {
    selector: 'edge.labelled',
    style: {
      label: 'data(type)',
      'font-size': 8,
      color: '#4a5566',
      'text-rotation': 'autorotate',
      'text-background-color': '#fff',
      'text-background-opacity': 0.8,
      'min-zoomed-font-size': 6,
    },
  },
  { selector: 'node.big', style: { 'min-zoomed-font-size': 16 } },
  { selector: 'edge.big', style: { 'curve-style': 'haystack', 'target-arrow-shape': 'none', width: 1 } },
  { selector: 'node.big:selected', style: { 'min-zoomed-font-size': 0 } },
  { selector: '.faded', style: { opacity: 0.18 } },
  { selector: 'node.path', style: { 'border-width': 4, 'border-color': '#f0a500', 'z-index': 20 } },
  {
    selector: 'edge.path',
    style: {
      width: 5,
      'line-color': '#f0a500',
      'target-arrow-color': '#f0a500',
      label: 'data(type)',
      'font-size': 9,
      'font-weight': 'bold',
      'z-index': 20,
    },
  },
];
