// A vitest setup file: it runs in every test file, and after the file's last test removes the temp
// folders its tests handed to removeAfterFile.
import { afterAll } from 'vitest'
import { removeScratch } from './fs-tree.js'

afterAll(removeScratch)
