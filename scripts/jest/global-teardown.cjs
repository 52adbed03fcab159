module.exports = async () => {
  if (globalThis.__KG_STOP_NEO4J__) await globalThis.__KG_STOP_NEO4J__();
};
