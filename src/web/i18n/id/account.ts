export const account = {
  title: 'Akun saya',
  tokens: 'Token API',
  tokensHelp:
    'Token API dipakai aplikasi lain (mis. situs web lembaga) untuk membaca data Simpul atas nama Anda. Kirim sebagai header "Authorization: Bearer <token>".',
  createToken: 'Buat token',
  create: 'Buat',
  tokenName: 'Nama token',
  tokenNameHint: 'Untuk mengenali pemakaiannya, mis. "Situs web Diskominfo"',
  prefix: 'Awalan',
  created: 'Dibuat',
  lastUsed: 'Terakhir dipakai',
  neverUsed: 'Belum pernah',
  noTokens: 'Belum ada token.',
  secretOnce: 'Salin token ini sekarang. Token hanya ditampilkan sekali ini; Simpul hanya menyimpan sidik kriptografisnya.',
  revoke: 'Cabut',
  revokeQuestion: (name: string) => `Cabut token "${name}"? Aplikasi yang memakainya tidak bisa mengakses Simpul lagi.`,
  revoked: 'Token dicabut',
  revokedBadge: 'Dicabut',
  changePassword: 'Ubah kata sandi',
  changePasswordHelp: 'Setelah diubah, Anda tetap masuk di peramban ini; sesi di perangkat lain diakhiri.',
  currentPassword: 'Kata sandi saat ini',
  newPassword: 'Kata sandi baru',
  newPasswordHint: 'Minimal 10 karakter',
  confirmPassword: 'Ulangi kata sandi baru',
  passwordMismatch: 'Kata sandi baru tidak sama',
  passwordChanged: (ended: number, revoked = 0) =>
    ['Kata sandi diubah.', ended ? `${ended} sesi lain diakhiri.` : '', revoked ? `${revoked} token API dicabut.` : '']
      .filter(Boolean)
      .join(' '),
  revokeTokens: 'Cabut juga semua token API saya',
  revokeTokensHelp: 'Disarankan bila kata sandi mungkin bocor. Integrasi yang memakai token harus diberi token baru.',
};
