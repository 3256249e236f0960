// A faithful stand-in for Lambda's Node.js runtime (/var/runtime/index.mjs): loads _HANDLER from
// LAMBDA_TASK_ROOT, then polls the Runtime API for events, one at a time, and posts each answer.
// The bench starts it as Lambda's bootstrap does (node with the heap flags, this file). It is the
// runtime, not the function: it is not in the measured zip, as /var/runtime is not in a user's.
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(':');
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const BASE = '/2018-06-01/runtime';

function call(method, urlPath, body, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host, port, method, path: BASE + urlPath, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body !== undefined) req.end(body); else req.end();
  });
}

function errorBody(e) {
  return JSON.stringify({ errorType: e?.name ?? 'Error', errorMessage: e?.message ?? String(e), trace: (e?.stack ?? '').split('\n') });
}

async function loadHandler() {
  const spec = process.env._HANDLER; // module.export, as in "index.handler"
  const dot = spec.lastIndexOf('.');
  const root = process.env.LAMBDA_TASK_ROOT;
  const base = path.resolve(root, spec.slice(0, dot));
  for (const ext of ['.mjs', '.js', '.cjs']) {
    try {
      const mod = await import(pathToFileURL(base + ext).href);
      const fn = mod[spec.slice(dot + 1)];
      if (typeof fn !== 'function') throw new Error(`${spec} is not a function`);
      return fn;
    } catch (e) {
      if (e.code !== 'ERR_MODULE_NOT_FOUND' || !String(e.message).includes(base + ext)) throw e;
    }
  }
  throw Object.assign(new Error(`Cannot find module ${base}`), { name: 'Runtime.ImportModuleError' });
}

let handler;
try {
  handler = await loadHandler();
} catch (e) {
  await call('POST', '/init/error', errorBody(e), { 'Lambda-Runtime-Function-Error-Type': 'Runtime.ImportModuleError' });
  process.exit(1);
}

for (;;) {
  const next = await call('GET', '/invocation/next');
  const id = next.headers['lambda-runtime-aws-request-id'];
  const context = {
    awsRequestId: id,
    invokedFunctionArn: next.headers['lambda-runtime-invoked-function-arn'],
    functionName: process.env.AWS_LAMBDA_FUNCTION_NAME,
    functionVersion: process.env.AWS_LAMBDA_FUNCTION_VERSION,
    memoryLimitInMB: process.env.AWS_LAMBDA_FUNCTION_MEMORY_SIZE,
    logGroupName: process.env.AWS_LAMBDA_LOG_GROUP_NAME,
    logStreamName: process.env.AWS_LAMBDA_LOG_STREAM_NAME,
    getRemainingTimeInMillis: () => Number(next.headers['lambda-runtime-deadline-ms']) - Date.now(),
    callbackWaitsForEmptyEventLoop: true,
  };
  process.env._X_AMZN_TRACE_ID = next.headers['lambda-runtime-trace-id'] ?? '';
  try {
    const result = await handler(JSON.parse(next.body), context);
    await call('POST', `/invocation/${id}/response`, JSON.stringify(result ?? null), { 'Content-Type': 'application/json' });
  } catch (e) {
    await call('POST', `/invocation/${id}/error`, errorBody(e), { 'Lambda-Runtime-Function-Error-Type': e?.name ?? 'Error' });
  }
}
