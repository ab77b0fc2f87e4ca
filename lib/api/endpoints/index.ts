/**
 * Every API endpoint module. Importing this registers them all (for the OpenAPI document);
 * add new endpoint modules here.
 */
import "./clusters";
import "./drills";
import "./datasources";
import "./evidence";
import "./scorecard-detail";
import "./scorecards";
import "./reports";
import "./kafka";
import "./readiness";

export { registeredEndpoints } from "../registry";
