/** The forum's clock (the 30-minute edit window, the digest's cut-off); tests move it. */
export const forumClock = { now: (): Date => new Date() };
