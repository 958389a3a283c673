/** The coordination forum's vocabulary, shared by the server (CHECK constraints, rules) and the SPA (labels). */

export const topicStatuses = ['open', 'answered', 'closed', 'in_meeting'] as const;
export type TopicStatus = (typeof topicStatuses)[number];
export const topicStatusLabels: Record<TopicStatus, string> = {
  open: 'Terbuka',
  answered: 'Terjawab',
  closed: 'Selesai',
  in_meeting: 'Dibahas di rapat',
};

export const topicTypes = ['problem', 'information'] as const;
export type TopicType = (typeof topicTypes)[number];
export const topicTypeLabels: Record<TopicType, string> = { problem: 'Masalah', information: 'Informasi' };

export const followModes = ['immediate', 'digest'] as const;
export type FollowMode = (typeof followModes)[number];
export const followModeLabels: Record<FollowMode, string> = { immediate: 'Segera', digest: 'Ringkasan harian (07.00 WIB)' };

/** The categories the forum starts with (administrators edit the list). */
export const defaultForumCategories = [
  'Hubungan media',
  'Komunikasi krisis',
  'Hoaks dan disinformasi',
  'Media sosial',
  'Layanan informasi publik / PPID',
  'Protokol dan acara',
  'Kompetensi pranata humas',
  'Lainnya',
] as const;

/** Authors (other than the bureau) may edit their post this long after posting. */
export const forumEditWindowMinutes = 30;

export const forumLimits = {
  titleMin: 5,
  titleMax: 200,
  /** Visible text of a post (after sanitising). */
  bodyMax: 20_000,
  /** The HTML sent. */
  bodyHtmlMax: 100_000,
  reasonMin: 5,
  reasonMax: 500,
};

export const forumAttachmentLimits = {
  maxPerPost: 5,
  maxBytes: 5 * 1024 * 1024,
  /** Checked by the file's content (magic bytes), not its name. */
  types: {
    'application/pdf': 'PDF',
    'image/png': 'PNG',
    'image/jpeg': 'JPEG',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  } as Record<string, string>,
};
