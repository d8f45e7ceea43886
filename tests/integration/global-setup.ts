/**
 * Integration tests run on a real PostgreSQL: the embedded one by default, or the server in
 * TEST_POSTGRES_URL (e.g. postgresql://postgres:postgres@127.0.0.1:5432/postgres). The migrations
 * are applied once, through the Prisma CLI exactly as in production, to a template database;
 * every test file then gets its own copy (CREATE DATABASE … TEMPLATE), so files never share rows.
 */
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startEmbeddedDb, type EmbeddedDb } from "../../lib/dev/embedded-db";
import { adminQuery, migrateDeploy, serverUrlOf } from "./support/database";

declare module "vitest" {
  export interface ProvidedContext {
    testServerUrl: string;
    testTemplateDb: string;
    testDbLabel: string;
  }
}

const root = path.resolve(import.meta.dirname, "../..");

export default async function setup(project: TestProject) {
  let embedded: EmbeddedDb | null = null;
  let serverUrl: string;
  let label: string;
  if (process.env.TEST_POSTGRES_URL) {
    serverUrl = serverUrlOf(process.env.TEST_POSTGRES_URL);
    label = `PostgreSQL at ${new URL(serverUrl).host}`;
  } else {
    embedded = await startEmbeddedDb({ dataDir: path.join(root, ".data", "test-pg") });
    serverUrl = embedded.serverUrl;
    label = "embedded PostgreSQL";
  }
  const version = (await adminQuery(serverUrl, "show server_version")).rows[0]?.server_version as string;
  label = `${label} ${version}`;
  console.log(`[integration] database: ${label}`);

  const template = `verkstad_tpl_${process.pid}`;
  await adminQuery(serverUrl, `drop database if exists "${template}" with (force)`);
  await adminQuery(serverUrl, `create database "${template}"`);
  await migrateDeploy(`${serverUrl}/${template}`);

  project.provide("testServerUrl", serverUrl);
  project.provide("testTemplateDb", template);
  project.provide("testDbLabel", label);

  return async () => {
    await adminQuery(serverUrl, `drop database if exists "${template}" with (force)`);
    // Another run in the same checkout may share this embedded server (it reuses a running one):
    // the last run to finish stops it.
    const others = await adminQuery(serverUrl, `select count(*)::int as n from pg_database where datname like 'verkstad_tpl_%'`);
    if (Number(others.rows[0]?.n ?? 0) === 0) await embedded?.stop();
  };
}
