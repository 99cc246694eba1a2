import { googleHarness, serveFakeSheets } from './google-sheets-contract-harness.js';
import { describeTableStoreContract } from './table-store.contract.js';

serveFakeSheets();
describeTableStoreContract('Google Sheets (the Sheets fake through @googleapis/sheets)', googleHarness);
