/**
 * Every API endpoint module. Importing this registers them all (for the OpenAPI document);
 * add new endpoint modules here.
 */
import "./clusters";
import "./drills";
import "./evidence";
import "./scorecard-detail";
import "./scorecards";
import "./reports";

export { registeredEndpoints } from "../registry";
