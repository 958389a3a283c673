import '@mantine/core/styles/Slider.css';
import { useEffect, useState } from 'react';
import Cropper from 'react-easy-crop';
import { Box, Button, FileInput, Group, Modal, SegmentedControl, Slider, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useFormMutation } from '../../components/useFormMutation';
import { useT } from './texts';
import { cropToFile, type PixelArea } from './cropImage';

export type ImageMeta = { alt: string; caption: string; credit: string };
type Values = ImageMeta & { file: File | null };

const aspects = { wide: 16 / 9, classic: 4 / 3, square: 1, free: 0 } as const;
type AspectName = keyof typeof aspects;

/**
 * Adding an image: choose a file, crop it (react-easy-crop; drag, pinch or arrow keys to move, the slider or
 * the wheel to zoom; "Asli" keeps the whole image), then the required alt text, a caption and a credit.
 * The cropped copy is made on a canvas in the browser and uploaded; the server decodes, strips and resizes it.
 */
export function ImageUploadModal({
  opened,
  onClose,
  upload,
  onUploaded,
}: {
  opened: boolean;
  onClose: () => void;
  upload: (file: File, meta: ImageMeta) => Promise<unknown>;
  onUploaded: () => void;
}) {
  const t = useT();
  const r = t.releases.images;
  const form = useForm<Values>({
    initialValues: { file: null, alt: '', caption: '', credit: '' },
    // The only check made here: there is no request to send without a file. The rest is the server's.
    validate: { file: (v) => (v ? null : r.fileRequired) },
  });
  const file = form.values.file;
  const [src, setSrc] = useState<string | null>(null);
  const [aspect, setAspect] = useState<AspectName>('wide');
  const [crop, setCrop] = useState({ x: 0, y: 0 });
  const [zoom, setZoom] = useState(1);
  const [area, setArea] = useState<PixelArea | null>(null);

  useEffect(() => {
    if (!file) {
      setSrc(null);
      return;
    }
    const url = URL.createObjectURL(file);
    setSrc(url);
    setCrop({ x: 0, y: 0 });
    setZoom(1);
    return () => URL.revokeObjectURL(url);
  }, [file]);

  const { submit, alert, mutation } = useFormMutation(
    form,
    async (values) => {
      const chosen = values.file as File;
      const cropped =
        aspect !== 'free' && area && src && chosen.type.startsWith('image/') && chosen.type !== 'image/gif'
          ? await cropToFile(src, area, chosen.name, chosen.type).catch(() => chosen)
          : chosen;
      return upload(cropped, { alt: values.alt, caption: values.caption, credit: values.credit });
    },
    () => {
      form.reset();
      onUploaded();
      onClose();
    },
  );

  return (
    <Modal opened={opened} onClose={onClose} title={r.add} size="lg" fullScreen={false}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <FileInput
            label={r.file}
            description={r.fileHint}
            placeholder={r.choose}
            accept="image/jpeg,image/png,image/webp"
            required
            clearable
            clearButtonProps={{ 'aria-label': r.clearFile }}
            {...form.getInputProps('file')}
          />
          {src ? (
            <Stack gap="xs">
              <Text fw={600} size="sm">
                {r.crop}
              </Text>
              <Text size="xs" c="dimmed">
                {r.cropHint}
              </Text>
              <SegmentedControl
                aria-label={r.aspect}
                size="xs"
                data={(Object.keys(aspects) as AspectName[]).map((k) => ({ value: k, label: r.aspects[k] }))}
                value={aspect}
                onChange={(v) => setAspect(v as AspectName)}
                fullWidth
              />
              {aspect === 'free' ? (
                <Box component="img" src={src} alt="" mah={260} style={{ objectFit: 'contain', width: '100%' }} />
              ) : (
                <>
                  <Box pos="relative" h={260} bg="dark.7" style={{ borderRadius: 8, overflow: 'hidden' }} data-testid="image-cropper">
                    <Cropper
                      image={src}
                      crop={crop}
                      zoom={zoom}
                      aspect={aspects[aspect]}
                      onCropChange={setCrop}
                      onZoomChange={setZoom}
                      onCropComplete={(_, pixels) => setArea(pixels)}
                      cropperProps={{ role: 'group', 'aria-label': r.cropArea } as never}
                    />
                  </Box>
                  <Group gap="sm" wrap="nowrap">
                    <Text size="sm" aria-hidden>
                      {r.zoom}
                    </Text>
                    <Slider flex={1} min={1} max={3} step={0.05} value={zoom} onChange={setZoom} thumbLabel={r.zoom} label={null} />
                  </Group>
                </>
              )}
            </Stack>
          ) : null}
          <TextInput label={r.alt} description={r.altHint} required {...form.getInputProps('alt')} />
          <TextInput label={r.caption} {...form.getInputProps('caption')} />
          <TextInput label={r.credit} {...form.getInputProps('credit')} />
          {alert}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t.common.cancel}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {r.upload}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
