/**
 * A computational graph as SVG: nodes (× + or a layer's box), edges with their forward values
 * above and, once the backward pass has reached them, their gradients below in red. Drawing
 * only: every number comes from the engine's pass (src/nn/toys/graphs.ts).
 */
/** A node at (x, y): a circle with a symbol, or a box of `width` with a layer's name. */
export interface NodeView {
  id: string;
  x: number;
  y: number;
  label: string;
  width?: number;
  /** The node the backward pass is at. */
  current?: boolean;
}

/** An edge from → to, its name, its forward value's lines and its gradient's (null until reached). */
export interface EdgeView {
  id: string;
  from: readonly [number, number];
  to: readonly [number, number];
  name: string;
  forward: string[];
  grad: string[] | null;
  /** The gradient was just sent along this edge. */
  fresh?: boolean;
}

const LINE = 13;

/** The lines of a label stacked upward from y (above the edge) or downward (below it). */
function Lines({
  x,
  y,
  lines,
  up,
  className,
}: {
  x: number;
  y: number;
  lines: string[];
  up: boolean;
  className: string;
}) {
  return (
    <text x={x} y={y} textAnchor="middle" className={className}>
      {lines.map((line, i) => (
        <tspan key={i} x={x} y={up ? y - (lines.length - 1 - i) * LINE : y + i * LINE}>
          {line}
        </tspan>
      ))}
    </text>
  );
}

/** The graph drawing; `label` names it for screen readers. */
export function GraphSvg({
  width,
  height,
  nodes,
  edges,
  label,
  idPrefix,
}: {
  /** Makes the arrowhead's id unique on the page. */
  idPrefix: string;
  width: number;
  height: number;
  nodes: NodeView[];
  edges: EdgeView[];
  label: string;
}) {
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="lab-graph" role="img" aria-label={label} width="100%">
      <defs>
        <marker
          id={`${idPrefix}-arrow`}
          viewBox="0 0 10 10"
          refX="10"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" className="lab-graph__arrowhead" />
        </marker>
      </defs>
      {edges.map((e) => {
        const mx = (e.from[0] + e.to[0]) / 2;
        const my = (e.from[1] + e.to[1]) / 2;
        return (
          <g key={e.id} className={e.fresh ? 'lab-graph__edge lab-graph__edge--fresh' : 'lab-graph__edge'}>
            <line
              x1={e.from[0]}
              y1={e.from[1]}
              x2={e.to[0]}
              y2={e.to[1]}
              className="lab-graph__line"
              markerEnd={`url(#${idPrefix}-arrow)`}
            />
            <Lines
              x={mx}
              y={my - 5}
              lines={[...e.forward.map((l, i) => (i === 0 ? `${e.name} ${l}` : l))]}
              up
              className="lab-graph__value"
            />
            {e.grad && <Lines x={mx} y={my + 14} lines={e.grad} up={false} className="lab-graph__grad" />}
          </g>
        );
      })}
      {nodes.map((n) =>
        n.width === undefined ? (
          <g
            key={n.id}
            className={n.current ? 'lab-graph__node lab-graph__node--current' : 'lab-graph__node'}
          >
            <circle cx={n.x} cy={n.y} r={18} />
            <text x={n.x} y={n.y + 6} textAnchor="middle" className="lab-graph__symbol">
              {n.label}
            </text>
          </g>
        ) : (
          <g
            key={n.id}
            className={n.current ? 'lab-graph__node lab-graph__node--current' : 'lab-graph__node'}
          >
            <rect x={n.x - n.width / 2} y={n.y - 18} width={n.width} height={36} rx={6} />
            <text x={n.x} y={n.y + 5} textAnchor="middle" className="lab-graph__layer">
              {n.label}
            </text>
          </g>
        ),
      )}
    </svg>
  );
}
