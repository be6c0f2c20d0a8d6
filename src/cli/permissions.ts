// `npm run permissions`: prints the permission matrix (the README's copy must match it).
import { permissionMatrixMarkdown } from '../auth/matrix.ts';
import { runTool } from './tool.ts';

const usage = `Usage: npm run permissions

Prints, as a Markdown table, which role may send which command, from the tables the hub enforces.`;

runTool('permissions', usage, async () => {
  console.log(permissionMatrixMarkdown());
  return 0;
});
