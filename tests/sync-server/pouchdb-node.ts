import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import mapReduce from 'pouchdb-mapreduce';
import replication from 'pouchdb-replication';

// One PouchDB for Node, plugins registered once (a plugin registered twice throws): the test
// server's storage and the unit tests' stand-in for pouchdb-browser.
PouchDB.plugin(memoryAdapter).plugin(httpAdapter).plugin(replication).plugin(mapReduce);

export { PouchDB };
