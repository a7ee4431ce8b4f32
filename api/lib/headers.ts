export function appendVary(headers: Headers, name: string): void {
  const current = headers.get('Vary');
  const names = current ? current.split(',').map((v) => v.trim().toLowerCase()) : [];
  if (!names.includes(name.toLowerCase())) headers.set('Vary', current ? `${current}, ${name}` : name);
}
