import fc from 'fast-check';

// Property tests explore the same cases on every run, so a rare counterexample fails the run that changed something,
// not a later, unrelated one. FC_SEED=<n> explores other cases (a failure prints the seed and path to replay).
fc.configureGlobal({ seed: Number(process.env.FC_SEED ?? 20261207) });
