// The outside services of a fuzz run (scripts/fuzz.sh): the fake XHS token
// endpoint, the fake robot provider and the fake Douyin open platform of the
// browser tests, so the fuzzer meets the configured server and not
// `*_not_configured`. Prints their URLs.
import { startFakeXhs } from '../tests/e2e/lib/fake-xhs.mjs';
import { robotRow, startFakeRobots } from '../tests/e2e/lib/fake-robots.mjs';
import { startFakeDouyin } from '../tests/e2e/lib/fake-douyin.mjs';

const [appKey, appSecret, merchantToken, clientKey, clientSecret] = process.argv.slice(2);
const xhs = await startFakeXhs({ appKey, appSecret });
const robots = await startFakeRobots({ token: merchantToken, robots: [robotRow(1), robotRow(2)] });
const douyin = await startFakeDouyin({ clientKey, clientSecret });
console.log(`${xhs.url} ${robots.url} ${douyin.url}`);
