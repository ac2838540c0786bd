#!/usr/bin/env node
// The `pegase` command. Node.js 24 runs the TypeScript sources directly.
import '../src/main.ts';
