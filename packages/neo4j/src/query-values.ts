/**
 * The plain JSON shapes query results take (nodes, relationships, paths,
 * points). Types only, with no Node or driver code, so the viewer's browser
 * bundle can share them.
 */
export type QueryValue = null | boolean | number | string | QueryValue[] | { [key: string]: QueryValue } | QueryNode | QueryRelationship | QueryPath | QueryPoint;

export interface QueryNode {
  kind: 'node';
  /** Neo4j's elementId: stable within one transaction, the key relationships point to. */
  elementId: string;
  /** The node's `id` property when it has one (every kg node does). */
  id?: string;
  labels: string[];
  properties: Record<string, QueryValue>;
}

export interface QueryRelationship {
  kind: 'relationship';
  elementId: string;
  type: string;
  /** elementId of the start node. */
  start: string;
  /** elementId of the end node. */
  end: string;
  properties: Record<string, QueryValue>;
}

export interface QueryPath {
  kind: 'path';
  /** Nodes in order from start to end (length + 1 of them). */
  nodes: QueryNode[];
  /** Relationships in path order, each with its own direction. */
  relationships: QueryRelationship[];
}

export interface QueryPoint {
  kind: 'point';
  srid: number;
  x: number;
  y: number;
  z?: number;
}
