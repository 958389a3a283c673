export * from './auth';
export * from './audit';
export * from './directory';
export * from './settings';
export * from './activities';
export * from './mail';
export * from './meetings';
export * from './outcomes';
