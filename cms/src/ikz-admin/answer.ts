/** The error body of the project's admin routes, shaped as Strapi's own (`{ error: { status, message } }`), in German. */
export function answerError(
  ctx: { status: number; body: unknown },
  status: number,
  message: string,
  name?: string,
): void {
  ctx.status = status;
  ctx.body = { error: { status, ...(name ? { name } : {}), message } };
}
