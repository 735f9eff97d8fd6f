// Loads what the teacher's insight pages read: the project's rows, indexed
// once, and the report built on them. Short-text groups are the teacher's
// confirmed groups and the cached machine groups (app/models/answer-group-cache.server.ts),
// so a view does not cluster every answer again.
//
// NO OWNERSHIP CHECK HERE: routes first find the project with
// findTeacherProject(projectId, teacherId) and only then call these.
import { prepare, type Prepared } from "~/domain/insight/prepare";
import { analyseProject, type ProjectReport, type ReportOptions } from "~/domain/insight/report";
import type { ProjectData } from "~/domain/insight/types";
import { textGroupsForProject } from "~/models/answer-group-cache.server";
import { loadProjectData } from "~/models/insight.server";

export interface InsightBundle {
  data: ProjectData;
  prepared: Prepared;
  report: ProjectReport;
}

/** The project's data, indexed, without the report (for the attempts drill-down). */
export async function loadPrepared(projectId: string): Promise<{ data: ProjectData; prepared: Prepared } | null> {
  const data = await loadProjectData(projectId);
  return data ? { data, prepared: prepare(data) } : null;
}

/**
 * The full report. `textGroups: false` skips short-text grouping (pages that
 * do not show groups, such as the heatmap).
 */
export async function loadInsight(projectId: string, options: { textGroups?: boolean } = {}): Promise<InsightBundle | null> {
  const [loaded, textGroups] = await Promise.all([
    loadPrepared(projectId),
    options.textGroups === false ? undefined : textGroupsForProject(projectId),
  ]);
  if (!loaded) return null;
  const reportOptions: ReportOptions = { now: Date.now(), textGroups };
  return { ...loaded, report: analyseProject(loaded.prepared, reportOptions) };
}
