"""Opens kg's GEXF and GraphML exports with the readers analysts script with
(networkx, python-igraph) and prints what each reader saw, as JSON on stdout.

    python read_exports.py GRAPH.gexf GRAPH.graphml

The jest test (python-readers.test.ts) compares this with the graph kg wrote.
A reader that raises is reported in the JSON ("error"), so one failing reader
does not hide what the others read.
"""
import json
import sys
import traceback

import igraph
import networkx as nx


def node_record(key, attrs):
    """The attributes the test compares: kg's label, the name, the colour."""
    viz = attrs.get("viz") or {}
    color = viz.get("color")
    return {
        "id": str(key),
        "kg_label": attrs.get("kg_label", attrs.get("label")),
        "name": attrs.get("name"),
        "color": None if color is None else [color.get("r"), color.get("g"), color.get("b")],
    }


def networkx_gexf(path):
    g = nx.read_gexf(path)
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "directed": g.is_directed(),
        "node": [node_record(k, a) for k, a in g.nodes(data=True)],
        "edge_types": sorted({a.get("kg_type") for _, _, a in g.edges(data=True)}),
    }


def networkx_graphml(path):
    g = nx.read_graphml(path)
    return {
        "nodes": g.number_of_nodes(),
        "edges": g.number_of_edges(),
        "directed": g.is_directed(),
        "node": [node_record(k, a) for k, a in g.nodes(data=True)],
        "edge_types": sorted({a.get("type") for _, _, a in g.edges(data=True)}),
    }


def igraph_graphml(path):
    g = igraph.Graph.Read_GraphML(path)
    names = g.vs.attributes()
    return {
        "nodes": g.vcount(),
        "edges": g.ecount(),
        "directed": g.is_directed(),
        # igraph puts the GraphML node id in the vertex attribute "id", and kg's own
        # `id` property (a data key of that name) takes its place: the key is the
        # label and that id, as kg builds it. A string attribute a vertex lacks
        # is "" in igraph, so "" is read as absent.
        "node": [
            {"id": f'{v["label"]}:{v["id"]}', "kg_label": v["label"] if "label" in names else None, "name": (v["name"] or None) if "name" in names else None}
            for v in g.vs
        ],
        "edge_types": sorted(set(g.es["type"])) if "type" in g.es.attributes() else [],
    }


def attempt(read, path):
    try:
        return read(path)
    except Exception:  # the report names the reader and the exception
        return {"error": traceback.format_exc()}


def main(argv):
    if len(argv) != 3:
        sys.stderr.write("usage: read_exports.py GRAPH.gexf GRAPH.graphml\n")
        return 2
    gexf, graphml = argv[1], argv[2]
    report = {
        "versions": {"networkx": nx.__version__, "igraph": igraph.__version__},
        "networkx_gexf": attempt(networkx_gexf, gexf),
        "networkx_graphml": attempt(networkx_graphml, graphml),
        "igraph_graphml": attempt(igraph_graphml, graphml),
    }
    json.dump(report, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
