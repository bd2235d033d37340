// The real writer thread (server/db/writer-thread.mjs), except that it dies inside a transaction when
// told to: tests/api/writer-thread.test.ts uses it to see what a writer thread that crashes leaves behind.
//
// Why not `worker.terminate()`: libSQL's native module (neon) aborts the whole process when a thread is
// stopped from outside while it is inside a libSQL call (neon asserts on napi_create_external, which
// fails once the thread is stopping), and the next JavaScript after a blocking call can be one. Here
// the thread ends itself with process.exit() between libSQL calls, as an uncaught error in it would.
// Imported in this order, so the dying handler sees each message before the real thread's handler.
import './writer-thread-dies-on-demand.mjs';
import '../../server/db/writer-thread.mjs';
