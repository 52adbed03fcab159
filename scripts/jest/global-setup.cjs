// Placeholder until the local Neo4j launcher is wired in.
module.exports = async () => {};
