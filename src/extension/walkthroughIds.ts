/** The ids that tie the walkthrough in package.json to the code; no vscode import, so the manifest test reads them. */

/** The walkthrough's id in package.json (`contributes.walkthroughs[0].id`). */
export const WALKTHROUGH_ID = 'gettingStarted';
/** `<publisher>.<name>#<walkthrough id>`, as `workbench.action.openWalkthrough` takes it (package.json: synthgap.synthgap). */
export const WALKTHROUGH = `synthgap.synthgap#${WALKTHROUGH_ID}`;
export const OPEN_WALKTHROUGH_COMMAND = 'workbench.action.openWalkthrough';
/** Context key, true while the server compares against a reference: completes the walkthrough's first step. */
export const HAS_REFERENCE_CONTEXT = 'synthgap.hasReference';
