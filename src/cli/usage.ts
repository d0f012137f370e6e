/** The CLI's help text. */
export const USAGE = `pipelab: run machine-learning pipelines reproducibly

Usage:
  pipelab run FILE|URL [--seed N] [--backend cpu|wasm] [--out DIR] [--data FILE] [--json]
      Run a pipeline: a spec file, a run record, a bundle, or a share link.
      --seed N      use seed N instead of the spec's seed
      --backend     cpu (reference, default) or wasm
      --out DIR     also write each step's output table as CSV into DIR
      --json        print the run record as JSON instead of a summary
      --data FILE   a CSV, TSV or JSON file for the pipeline's data.import step
  pipelab verify FILE [--backend cpu|wasm] [--json]
      Re-run a run record (on its backend) or a spec (twice) and check the result is
      bit-identical: exit 0 if it is, 3 if not (naming the first step that differs).
  pipelab sweep FILE --param STEP.PARAM=V1,V2,… [--param …] [--seeds N] [--backend cpu|wasm] [--json]
      Run every combination of the values × N seeds (unchanged steps reused).
  pipelab share FILE [--base URL] [--no-result]
      Print a share link (with the cpu result, so a recipient can check it).
  pipelab class assignment FILE [--lock-seed|--free-seed] [--hide-result] [--base URL]
      Print an assignment link for a class (with the cpu result; seed locked by default).
  pipelab class summary FILE [--assignment LINK] [--json]
      Group a file of result codes (one link per line) as the class board does.
  pipelab export python|notebook FILE [--out PATH] [--data FILE]
      Write a scikit-learn script (.py) or Jupyter notebook (.ipynb) that rebuilds the
      pipeline on the same data and test rows (to standard output without --out).
  pipelab relay [--port 1234] [--host 127.0.0.1] [--data DIR]
      Run the live-session relay (Yjs, y-websocket protocol) until Ctrl-C;
      --data DIR keeps one file per room there.
  pipelab steps [--search WORDS] [--json]
      List every step kind with its parameters and the other names it goes by;
      --search keeps the steps whose name or keywords match (e.g. "ridge", "scaler").
  pipelab help [COMMAND]
      Print this help, or one command's (as does "pipelab COMMAND --help" or -h).
  pipelab --version
      Print pipelab's version.

Exit codes: 0 success, 1 the run failed, 2 bad input, 3 a reproduction check failed.
`;
