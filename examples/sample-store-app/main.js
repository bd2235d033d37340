#!/usr/bin/env node
/** node main.js, configured from the environment (README.md). */
import { startSampleApp } from './app.js';

const { ISSUER, CLIENT_ID, CLIENT_SECRET, PORT = '3000', BASE_URL } = process.env;
if (!ISSUER || !CLIENT_ID) {
  console.error('Set ISSUER and CLIENT_ID (and CLIENT_SECRET for a confidential app). See README.md.');
  process.exit(1);
}
const app = await startSampleApp({
  issuer: ISSUER,
  clientId: CLIENT_ID,
  clientSecret: CLIENT_SECRET || undefined,
  port: Number(PORT),
  baseUrl: BASE_URL,
});
console.log(`Sample store app on ${app.url}`);
